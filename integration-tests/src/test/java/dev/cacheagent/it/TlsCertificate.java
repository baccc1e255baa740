package dev.cacheagent.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for a TLS {@code redis-server} on loopback, made at run time with the JDK's own
 * {@code keytool} (so the tests need no {@code openssl}): the key and certificate as PEM files for Redis, and a
 * PKCS#12 trust store holding the certificate, as a user would hand the JVM with
 * {@code -Djavax.net.ssl.trustStore}.
 *
 * @param certificatePem the certificate, PEM; also the CA file Redis asks for, since it signed itself
 * @param privateKeyPem its private key, PKCS#8 PEM
 * @param trustStore a PKCS#12 store with only this certificate, as a trusted entry
 * @param trustStorePassword the trust store's password
 */
record TlsCertificate(Path certificatePem, Path privateKeyPem, Path trustStore, String trustStorePassword) {
    private static final String ALIAS = "redis";
    private static final String PASSWORD = "changeit";

    /**
     * A new key pair and a certificate that names 127.0.0.1 only (not {@code localhost}), in files under
     * {@code dir/name.*}.
     */
    static TlsCertificate create(Path dir, String name) throws IOException, InterruptedException,
            GeneralSecurityException {
        Path keyStore = dir.resolve(name + "-key.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=cache-agent test " + name,
                "-ext", "SAN=IP:127.0.0.1", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD, "-noprompt"))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(keytool + " -genkeypair failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        Certificate certificate = keys.getCertificate(ALIAS);
        Path certificatePem = Files.writeString(dir.resolve(name + ".crt"), pem("CERTIFICATE", certificate.getEncoded()));
        Path privateKeyPem = Files.writeString(dir.resolve(name + ".key"),
                pem("PRIVATE KEY", keys.getKey(ALIAS, PASSWORD.toCharArray()).getEncoded()));
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry(ALIAS, certificate);
        Path trustStore = dir.resolve(name + "-trust.p12");
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trusted.store(out, PASSWORD.toCharArray());
        }
        return new TlsCertificate(certificatePem, privateKeyPem, trustStore, PASSWORD);
    }

    /** The JVM options that make a JVM's default TLS trust exactly this certificate. */
    List<String> trustStoreOptions() {
        return List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword="
                + trustStorePassword);
    }

    /** A TLS context that trusts this certificate only, for the test's own connections. */
    SSLContext clientContext() throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            trusted.load(in, trustStorePassword.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
