package com.example.build;

/** The builder itself crashed on a spec: no {@link BuildResult} at all. */
public class BuildException extends RuntimeException {

    public BuildException(String message) {
        super(message);
    }
}
