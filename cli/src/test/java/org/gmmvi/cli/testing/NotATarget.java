package org.gmmvi.cli.testing;

/** A class that does not implement Target (for the loader's error message). */
public final class NotATarget {}
