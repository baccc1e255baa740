package dev.cacheagent.admin;

/**
 * A rule over JMX, as {@code dev.cacheagent:type=Rule,name=<rule>}: whether it is on, the methods it
 * instrumented and its figures. Read-only: switching a rule is the admin API's job, behind its token.
 */
public interface RuleMXBean {
    boolean isEnabled();

    String[] getMethods();

    String[] getErrors();

    String getCache();

    long getHits();

    long getMisses();

    long getCalls();

    long getFetchErrors();

    double getHitRate();

    double getMeanOriginMs();

    double getSavedMs();

    double getSavedCost();
}
