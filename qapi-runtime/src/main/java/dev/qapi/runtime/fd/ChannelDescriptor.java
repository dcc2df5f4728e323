package dev.qapi.runtime.fd;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.channels.Channel;
import java.util.OptionalInt;

/**
 * The descriptor number behind a JDK socket channel, which Java 17 has no public API for: it is read
 * through the JDK's internal {@code sun.nio.ch.SelChImpl.getFDVal()}, an exported method of an interface
 * every JDK socket channel implements. That package is not exported to applications, so the JVM must be
 * started with {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED} (an executable jar can say
 * {@code Add-Exports: java.base/sun.nio.ch} in its manifest). Without it {@link #of} finds nothing and
 * descriptor passing is off; everything else works as before.
 */
public final class ChannelDescriptor {
    private static final MethodHandle GET_FD_VAL = lookup();

    private ChannelDescriptor() {
    }

    private static MethodHandle lookup() {
        try {
            Class<?> selChImpl = Class.forName("sun.nio.ch.SelChImpl");
            return MethodHandles.lookup().findVirtual(selChImpl, "getFDVal", MethodType.methodType(int.class))
                    .asType(MethodType.methodType(int.class, Object.class));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Not exported to us (or another JDK): descriptor passing stays off.
            return null;
        }
    }

    /** Whether channel descriptors can be read in this JVM (the package is exported to us). */
    public static boolean available() {
        return GET_FD_VAL != null && ScmRights.supported();
    }

    /** The descriptor number of {@code channel} (not owned: the channel closes it), when it can be read. */
    public static OptionalInt of(Channel channel) {
        if (!available()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of((int) GET_FD_VAL.invokeExact((Object) channel));
        } catch (Throwable e) {
            // Not a JDK socket channel: none to read.
            return OptionalInt.empty();
        }
    }
}
