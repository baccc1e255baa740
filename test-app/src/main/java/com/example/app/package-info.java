/**
 * The test application's command line: {@link com.example.app.TestApp} wires the services from environment
 * settings, then runs the scripted {@code demo} workload and prints its summary, {@code serve}s the same services
 * over HTTP, or runs a standalone {@code provider} stub for several instances to share.
 */
package com.example.app;
