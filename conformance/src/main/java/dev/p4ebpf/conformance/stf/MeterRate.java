package dev.p4ebpf.conformance.stf;

import java.math.BigDecimal;

/**
 * One {@code RATE:BURST} pair of the BMv2 meter commands, e.g. {@code 0.000006:7}: the rate in
 * units per microsecond (BMv2's convention) and the burst size in units.
 */
public record MeterRate(BigDecimal rate, StfNumber burst) {

    public MeterRate {
        if (rate.signum() < 0) {
            throw new IllegalArgumentException("a meter rate is not negative: " + rate);
        }
    }
}
