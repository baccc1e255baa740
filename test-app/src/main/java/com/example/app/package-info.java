/**
 * The test application's command line: {@link com.example.app.TestApp} wires the services from environment
 * settings and either runs the scripted {@code demo} workload and prints its summary, or {@code serve}s the same
 * services over HTTP.
 */
package com.example.app;
