package org.splitinfer.core.plan;

import org.splitinfer.core.hardware.PluginFaultException;

/**
 * An accelerator the planner left out because its plugin failed while the plan used it.
 *
 * @param acceleratorId the accelerator's id
 * @param plugin        its plugin: the jar's file name, or the provider class on the class path
 * @param reason        the fault, one sentence naming the plugin, the accelerator and the call that failed
 * @since 0.1
 */
public record ExcludedAccelerator(String acceleratorId, String plugin, String reason) {
    /**
     * @param fault what the plugin did
     * @return the accelerator it excludes, and why
     */
    public static ExcludedAccelerator of(PluginFaultException fault) {
        return new ExcludedAccelerator(fault.acceleratorId(), fault.plugin(), fault.getMessage());
    }
}
