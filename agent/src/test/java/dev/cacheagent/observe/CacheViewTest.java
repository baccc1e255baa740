package dev.cacheagent.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CacheViewTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long US = TimeUnit.MICROSECONDS.toNanos(1);

    private final RuleMetrics styles = new RuleMetrics("style-prompt", "prompts", 0.05);
    private final RuleMetrics systems = new RuleMetrics("system-prompt", "prompts", null);
    private final RuleMetrics scenes = new RuleMetrics("scene-read", "scenes", null);
    private final RuleMetrics timing = new RuleMetrics("replicate-timing", null, null);

    @Test
    void figures_sumTheCountersOfEveryRuleUsingTheCache() {
        styles.recordHit(5 * US);
        styles.recordMiss(80 * MS, 80 * MS);
        systems.recordHit(5 * US);
        systems.recordHit(5 * US);
        systems.recordOriginError(3 * MS, 3 * MS);

        CacheFigures figures = new CacheView(new FixedGauge("prompts", 12, 4), List.of(styles, systems)).figures();

        assertThat(figures.cache()).isEqualTo("prompts");
        assertThat(figures.hits()).isEqualTo(3);
        assertThat(figures.misses()).isEqualTo(2);
        assertThat(figures.loads()).isEqualTo(1);
        assertThat(figures.loadErrors()).isEqualTo(1);
        assertThat(figures.hitRate()).isEqualTo(0.6);
    }

    @Test
    void figures_takeSizeAndEvictionsFromTheTier() {
        CacheFigures figures = new CacheView(new FixedGauge("prompts", 12, 4), List.of(styles)).figures();

        assertThat(figures.size()).isEqualTo(12);
        assertThat(figures.evictions()).isEqualTo(4);
    }

    @Test
    void figures_mergeTheLatenciesOfEveryRule() {
        for (int i = 1; i <= 50; i++) {
            styles.recordHit(i * US);
            systems.recordHit((50 + i) * US);
        }

        CacheFigures figures = new CacheView(new FixedGauge("prompts", 0, 0), List.of(styles, systems)).figures();

        assertThat(figures.hitP50Ms()).isCloseTo(0.050, withinPercentage(0.1));
        assertThat(figures.hitP99Ms()).isCloseTo(0.099, withinPercentage(0.1));
        assertThat(figures.missP50Ms()).isNaN();
    }

    @Test
    void figures_sumEachRulesOwnSavings() {
        styles.recordMiss(100 * MS, 100 * MS);
        styles.recordHit(5 * US);
        systems.recordMiss(10 * MS, 10 * MS);
        systems.recordHit(5 * US);
        systems.recordHit(5 * US);

        CacheFigures figures = new CacheView(new FixedGauge("prompts", 0, 0), List.of(styles, systems)).figures();

        assertThat(figures.savedMs()).isEqualTo(120.0);
        assertThat(figures.savedCost()).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void group_givesEachCacheTheRulesThatUseIt() {
        List<CacheView> views = CacheView.group(
                List.of(new FixedGauge("prompts", 0, 0), new FixedGauge("scenes", 0, 0), new FixedGauge("idle", 0, 0)),
                List.of(styles, scenes, timing, systems));

        assertThat(views).extracting(CacheView::cache).containsExactly("prompts", "scenes", "idle");
        assertThat(views.get(0).rules()).containsExactly(styles, systems);
        assertThat(views.get(1).rules()).containsExactly(scenes);
        assertThat(views.get(2).rules()).isEmpty();
    }
}
