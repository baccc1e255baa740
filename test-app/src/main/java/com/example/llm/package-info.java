/** Chat completions from a language model: {@link com.example.llm.LlmClient} calls the chat provider. */
package com.example.llm;
