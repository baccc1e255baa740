/** The AI "decision" step: {@link com.example.ai.DecisionService} asks a model what to do next with a scene. */
package com.example.ai;
