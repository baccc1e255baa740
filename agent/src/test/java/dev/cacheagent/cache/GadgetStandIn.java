package dev.cacheagent.cache;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * Serialized in place of {@code fixture.poison.Gadget}: same field, a class name of the same length, so
 * that its bytes can be renamed to the gadget's without the test ever loading the gadget class.
 */
final class GadgetStandIn implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String NAME = GadgetStandIn.class.getName();
    private static final String TARGET = "fixture.poison.Gadget";

    public String payload = "boom";

    static byte[] renamed(byte[] stream) {
        byte[] from = NAME.getBytes(StandardCharsets.UTF_8);
        byte[] to = TARGET.getBytes(StandardCharsets.UTF_8);
        // The class name is written with a two-byte length before it: rewrite both.
        for (int i = 2; i + from.length <= stream.length; i++) {
            if (java.util.Arrays.equals(stream, i, i + from.length, from, 0, from.length)) {
                byte[] out = new byte[stream.length - from.length + to.length];
                System.arraycopy(stream, 0, out, 0, i - 2);
                out[i - 2] = (byte) (to.length >> 8);
                out[i - 1] = (byte) to.length;
                System.arraycopy(to, 0, out, i, to.length);
                System.arraycopy(stream, i + from.length, out, i + to.length, stream.length - i - from.length);
                return out;
            }
        }
        throw new IllegalStateException("class name not found in the stream");
    }
}
