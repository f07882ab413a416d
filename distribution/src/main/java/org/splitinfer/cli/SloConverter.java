package org.splitinfer.cli;

import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.sim.ServiceLevel;
import picocli.CommandLine;

/**
 * {@code --slo ttft=1s,tpot=50ms}: each part optional (the default's value stays) and given once, a time above 0 and
 * at most 1e9 s, in s, ms or us; read by {@link ServiceLevel#parse}, as sweep grids are.
 */
final class SloConverter implements CommandLine.ITypeConverter<ServiceLevel> {
    @Override
    public ServiceLevel convert(String value) {
        try {
            return ServiceLevel.parse(value);
        } catch (SplitInferException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
