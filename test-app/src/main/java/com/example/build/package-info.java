/** Component builds: {@link com.example.build.ComponentBuilder} compiles a UI component from its spec. */
package com.example.build;
