package org.splitinfer.cli;

import java.util.Locale;
import org.splitinfer.core.sim.RouterPolicy;
import picocli.CommandLine;

/** {@code round-robin} or {@code least-outstanding-tokens}. */
final class RouterConverter implements CommandLine.ITypeConverter<RouterPolicy> {
    @Override
    public RouterPolicy convert(String value) {
        for (RouterPolicy policy : RouterPolicy.values()) {
            if (name(policy).equals(value.strip().toLowerCase(Locale.ROOT))) {
                return policy;
            }
        }
        throw new CommandLine.TypeConversionException("must be round-robin or least-outstanding-tokens, got '"
                + value + "'");
    }

    static String name(RouterPolicy policy) {
        return policy.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
