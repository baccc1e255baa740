/**
 * The active system prompt that every conversation starts with: read on each request and changed by an admin,
 * through {@link com.example.system.SystemPromptService}.
 */
package com.example.system;
