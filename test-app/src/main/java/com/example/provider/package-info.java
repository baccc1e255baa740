/**
 * The AI and image providers the service calls over HTTP: {@link com.example.provider.ProviderClient}, the
 * client every provider-backed service uses, and {@link com.example.provider.ProviderStub}, a loopback server that
 * stands in for the real providers with a fixed delay, deterministic answers, a call count and a failure switch.
 */
package com.example.provider;
