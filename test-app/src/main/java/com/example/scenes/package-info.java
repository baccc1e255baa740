/** The scenes of a storyboard project, read and edited in the {@code scenes} table by {@link com.example.scenes.SceneService}. */
package com.example.scenes;
