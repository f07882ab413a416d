package org.splitinfer.core.hardware.internal;

import java.util.List;
import org.splitinfer.core.hardware.PluginFaultException;

/**
 * The checks every guarded call into one plugin accelerator shares: a throwable the host can survive becomes a
 * {@link PluginFaultException} naming the plugin, the accelerator and the call, and so does a returned value no chip
 * can have. The checks allocate nothing and build no message until there is a fault: they run on every step the
 * simulator and the planner price.
 */
final class PluginGuard {
    private final String plugin;
    private final String acceleratorId;
    private final List<String> userSetFigures;

    /**
     * @param plugin        the plugin, as messages name it
     * @param acceleratorId the accelerator's id
     */
    PluginGuard(String plugin, String acceleratorId) {
        this(plugin, acceleratorId, List.of());
    }

    /**
     * @param plugin         the plugin, as messages name it
     * @param acceleratorId  the accelerator's id
     * @param userSetFigures the figures the user set on it ({@code --set}), named in a fault's message
     */
    PluginGuard(String plugin, String acceleratorId, List<String> userSetFigures) {
        this.plugin = plugin;
        this.acceleratorId = acceleratorId;
        this.userSetFigures = List.copyOf(userSetFigures);
    }

    /**
     * The fault of a throwable out of a plugin call; the JVM's internal errors are thrown on as they are.
     *
     * @param call   the SPI method
     * @param thrown what the plugin threw
     * @return the fault, for the caller to throw
     */
    PluginFaultException failed(String call, Throwable thrown) {
        if (!FaultWords.survivable(thrown)) {
            throw (Error) thrown;
        }
        return new PluginFaultException(plugin, acceleratorId, call, FaultWords.describe(thrown), thrown,
                userSetFigures);
    }

    /**
     * The fault of a value the host refuses.
     *
     * @param call    the SPI method
     * @param problem what is wrong with it, e.g. {@code it returned NaN seconds}
     * @return the fault, for the caller to throw
     */
    PluginFaultException rejected(String call, String problem) {
        return new PluginFaultException(plugin, acceleratorId, call, problem, null, userSetFigures);
    }

    /**
     * @param call  the SPI method
     * @param value a time it returned
     * @return the value when finite and {@code >= 0}
     */
    double seconds(String call, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw rejected(call, "it returned " + value + " seconds, where a time must be finite and >= 0");
        }
        return value;
    }

    /**
     * @param call  the SPI method
     * @param value a power it returned
     * @return the value when finite and {@code >= 0}
     */
    double watts(String call, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw rejected(call, "it returned " + value + " watts, where a power must be finite and >= 0");
        }
        return value;
    }

    /**
     * @param call  the SPI method
     * @param unit  the value's unit, for the message
     * @param value a rate, bandwidth or peak it returned
     * @return the value when finite and {@code > 0}
     */
    double positive(String call, String unit, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw rejected(call, "it returned " + value + " " + unit + ", where the SPI requires a finite value > 0");
        }
        return value;
    }

    /**
     * @param call  the SPI method
     * @param value what it returned
     * @param <T>   its type
     * @return the value when not null
     */
    <T> T present(String call, T value) {
        if (value == null) {
            throw rejected(call, "it returned null");
        }
        return value;
    }

    /**
     * @param call  the SPI method
     * @param value a list it returned
     * @param <T>   the elements' type
     * @return the list when neither it nor an element is null
     */
    <T> List<T> elements(String call, List<T> value) {
        for (T element : present(call, value)) {
            if (element == null) {
                throw rejected(call, "it returned a list holding null");
            }
        }
        return value;
    }

    /**
     * Whether a plugin object keeps an SPI interface's default method rather than overriding it. The host then runs
     * the default itself over the guarded calls, so a fault is named by the call that failed ({@code kernelSeconds},
     * not the {@code stepTiming} that summed it).
     *
     * @param plugin     the plugin's object
     * @param method     the method's name
     * @param parameters its parameter types
     * @return true when the method the object runs is the interface's default
     */
    static boolean keepsDefault(Object plugin, String method, Class<?>... parameters) {
        try {
            return plugin.getClass().getMethod(method, parameters).getDeclaringClass().isInterface();
        } catch (NoSuchMethodException | SecurityException e) {
            return false;
        }
    }
}
