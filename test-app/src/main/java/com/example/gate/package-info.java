/**
 * Gates that hold one call of a service in the middle of its work until a test releases it, so that races between
 * instances (a read that began before another instance's write) can be played out deterministically.
 */
package com.example.gate;
