package dev.cacheagent.admin;

/**
 * A cache's figures over JMX, as {@code dev.cacheagent:type=Cache,name=<cache>}: the same figures as
 * {@code GET /caches} and the {@code stats} events, cumulative since the rules were bound. Latencies
 * in milliseconds, {@code NaN} when nothing was recorded.
 */
public interface CacheMXBean {
    String getTier();

    long getSize();

    long getHits();

    long getMisses();

    double getHitRate();

    long getLoads();

    long getLoadErrors();

    long getEvictions();

    double getHitP50Ms();

    double getHitP95Ms();

    double getHitP99Ms();

    double getMissP50Ms();

    double getMissP95Ms();

    double getMissP99Ms();

    double getSavedMs();

    double getSavedCost();
}
