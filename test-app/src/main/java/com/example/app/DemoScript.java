package com.example.app;

import com.example.ai.DecisionContext;
import com.example.build.BuildException;
import com.example.llm.ChatMessage;
import com.example.preview.PreviewRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The demo's workload: a fixed, seeded list of calls over every service, with the repetition real traffic has
 * (popular styles, repeated prompts, the same decision asked by different users) so that caching them pays off.
 * The same request count and seed always give the same calls; only their interleaving across threads varies.
 */
final class DemoScript {

    /** Styles by popularity; {@code original} has an empty prompt and {@code glitter-storm} is not in the table. */
    static final List<String> STYLES = List.of("neon-noir", "watercolor-dreams", "classic-oil-painting",
            "pixel-art", "pop-art", "original", "ukiyo-e", "vaporwave", "glitter-storm", "art-deco-poster");

    private static final String LONG_PROMPT = "A sweeping panoramic matte painting of a floating archipelago at"
            + " golden hour, waterfalls spilling from every island into a sea of clouds, airships moored to ancient"
            + " stone towers, flocks of birds in the foreground, volumetric light, ultra-detailed, 8k, concept art";

    private static final List<String> IMAGE_PROMPTS = List.of("a red fox in fresh snow at sunrise",
            "an isometric city block at night", LONG_PROMPT, "a bowl of ramen, studio lighting");

    private static final List<String> DECISION_PROMPTS = List.of(
            "Is the lighting consistent with the previous scene?", "Should this shot be a close-up?",
            "Does the scene need a transition?", "Is the dialogue too long for the shot?");

    private static final List<List<ChatMessage>> CONVERSATIONS = List.of(
            List.of(new ChatMessage("system", "You write short scene descriptions."),
                    new ChatMessage("user", "Describe a lighthouse at dusk in one sentence.")),
            List.of(new ChatMessage("system", "You write short scene descriptions."),
                    new ChatMessage("user", "Describe a night market in one sentence.")),
            List.of(new ChatMessage("user", "Suggest a title for a story about a lighthouse keeper.")));

    private record SceneRef(String projectId, String sceneId) {}

    /** The seeded scenes, most read first. */
    private static final List<SceneRef> SCENES = List.of(new SceneRef("p1", "s1"), new SceneRef("p1", "s2"),
            new SceneRef("p2", "s1"), new SceneRef("p1", "s3"), new SceneRef("p2", "s2"), new SceneRef("p3", "s1"));

    private static final List<String> COMPONENTS = List.of("button", "navbar", "card", "modal", "table");

    private final int requests;
    private final Random random;

    private DemoScript(int requests, long seed) {
        this.requests = requests;
        this.random = new Random(seed);
    }

    /** The steps for {@code requests} preview requests and the other workloads in proportion, shuffled. */
    static List<DemoStep> steps(int requests, long seed) {
        return new DemoScript(requests, seed).steps();
    }

    private List<DemoStep> steps() {
        List<DemoStep> steps = new ArrayList<>();
        steps.addAll(previews(requests));
        steps.addAll(images(share(10)));
        steps.addAll(sceneReads(share(4)));
        steps.addAll(sceneLists(share(20)));
        steps.addAll(sceneUpdates(share(40)));
        steps.addAll(decisions(share(5)));
        steps.addAll(builds(Math.max(4, share(10))));
        steps.addAll(completions(share(10)));
        steps.addAll(systemPromptReads(share(10)));
        Collections.shuffle(steps, random);
        return List.copyOf(steps);
    }

    private int share(int oneIn) {
        return Math.max(1, requests / oneIn);
    }

    private List<DemoStep> previews(int count) {
        Zipf<String> styles = new Zipf<>(STYLES, 1.1, random);
        Zipf<Integer> photos = new Zipf<>(List.of(1, 2, 3, 4, 5), 1.2, random);
        List<DemoStep> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PreviewRequest request = new PreviewRequest("https://uploads.example.com/photos/user-" + photos.next()
                    + ".jpg", asTyped(styles.next()), random.nextInt(4) == 0 ? "16:9" : "1:1",
                    random.nextInt(5) == 0 ? "hd" : "standard");
            steps.add(new DemoStep(Workload.PREVIEW, services -> {
                services.previews().handlePreview(request);
                return Outcome.OK;
            }));
        }
        return steps;
    }

    /** A style name as users type it: mostly clean, sometimes capitalised or with stray spaces. */
    private String asTyped(String style) {
        return switch (random.nextInt(10)) {
            case 0 -> "  " + style;
            case 1 -> style.toUpperCase(Locale.ROOT) + " ";
            case 2 -> Character.toUpperCase(style.charAt(0)) + style.substring(1);
            default -> style;
        };
    }

    private List<DemoStep> images(int count) {
        Zipf<String> prompts = new Zipf<>(IMAGE_PROMPTS, 1.0, random);
        List<DemoStep> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String prompt = prompts.next();
            int size = random.nextInt(5) == 0 ? 512 : 1024;
            String format = prompt.length() % 2 == 0 ? "png" : "webp";
            steps.add(new DemoStep(Workload.IMAGES, services -> {
                services.images().generate(prompt, size, size, format);
                return Outcome.OK;
            }));
        }
        return steps;
    }

    private List<DemoStep> sceneReads(int count) {
        Zipf<SceneRef> scenes = new Zipf<>(SCENES, 1.0, random);
        List<DemoStep> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SceneRef scene = scenes.next();
            steps.add(new DemoStep(Workload.SCENE_READS, services -> {
                services.scenes().getScene(scene.projectId(), scene.sceneId());
                return Outcome.OK;
            }));
        }
        return steps;
    }

    private List<DemoStep> sceneLists(int count) {
        Zipf<String> projects = new Zipf<>(List.of("p1", "p2", "p3"), 1.0, random);
        List<DemoStep> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String project = projects.next();
            steps.add(new DemoStep(Workload.SCENE_LISTS, services -> {
                services.scenes().listScenes(project);
                return Outcome.OK;
            }));
        }
        return steps;
    }

    private List<DemoStep> sceneUpdates(int count) {
        List<DemoStep> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SceneRef scene = SCENES.get(random.nextInt(SCENES.size()));
            String content = "Revision " + (i + 1) + " of scene " + scene.sceneId() + ": tighter framing, warmer light.";
            steps.add(new DemoStep(Workload.SCENE_UPDATES, services -> {
                services.scenes().updateScene(scene.projectId(), scene.sceneId(), content);
                return Outcome.OK;
            }));
        }
        return steps;
    }

    private List<DemoStep> decisions(int count) {
        Zipf<String> prompts = new Zipf<>(DECISION_PROMPTS, 1.0, random);
        List<String> locales = List.of("en-US", "de-DE");
        List<String> sceneTypes = List.of("interior", "exterior", "action");
        List<DemoStep> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String prompt = prompts.next();
            DecisionContext context = new DecisionContext("user-" + random.nextInt(50),
                    locales.get(random.nextInt(4) == 0 ? 1 : 0), sceneTypes.get(random.nextInt(sceneTypes.size())),
                    "req-" + Long.toHexString(random.nextLong()), 1_700_000_000_000L + i * 1_000L);
            steps.add(new DemoStep(Workload.DECISIONS, services -> {
                services.decisions().decide(prompt, context);
                return Outcome.OK;
            }));
        }
        return steps;
    }

    /** Builds of a few components; every fourth spec has an error, and the middle build crashes. */
    private List<DemoStep> builds(int count) {
        List<DemoStep> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String component = COMPONENTS.get(i % COMPONENTS.size());
            String spec = i == count / 2 ? "component " + component + " { crash }"
                    : i % 4 == 3 ? "component " + component + " {\n  error: missing close handler\n}"
                    : "component " + component + " {\n  label: \"" + component + "\"\n}";
            steps.add(new DemoStep(Workload.BUILDS, services -> {
                try {
                    return services.builder().build(component, spec).success() ? Outcome.OK : Outcome.FAILED;
                } catch (BuildException e) {
                    return Outcome.CRASHED;
                }
            }));
        }
        return steps;
    }

    private List<DemoStep> completions(int count) {
        Zipf<Integer> conversations = new Zipf<>(List.of(0, 1, 2), 1.0, random);
        List<DemoStep> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int conversation = conversations.next();
            String model = conversation == 2 ? "chat-large" : "chat-small";
            double temperature = conversation == 2 ? 0.7 : 0.2;
            String requestId = "chat-" + Long.toHexString(random.nextLong());
            steps.add(new DemoStep(Workload.LLM, services -> {
                services.llm().complete(model, CONVERSATIONS.get(conversation), temperature, 256, requestId);
                return Outcome.OK;
            }));
        }
        return steps;
    }

    private List<DemoStep> systemPromptReads(int count) {
        List<DemoStep> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            steps.add(new DemoStep(Workload.SYSTEM_PROMPT, services -> {
                services.systemPrompt().activeSystemPrompt();
                return Outcome.OK;
            }));
        }
        return steps;
    }
}
