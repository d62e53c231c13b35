package dev.p4ebpf.ir.interp.arch;

import java.util.List;

/**
 * The parts of BMv2 simple_switch's control plane that are not tables or externs: mirroring
 * (clone) sessions and the multicast replication engine, as the {@code mirroring_*} and
 * {@code mc_*} commands of simple_switch_CLI configure them. Meters are configured through
 * {@link #setMeterRates}.
 */
public interface V1SwitchControl {

    /** Clones to {@code session} leave on {@code port}. */
    void mirroringAdd(int session, long port);

    /** Clones to {@code session} are replicated to multicast group {@code group}. */
    void mirroringAddMulticast(int session, int group);

    void mirroringDelete(int session);

    /** A description of the session, or an empty string when there is none. */
    String mirroringGet(int session);

    void multicastGroupCreate(int group);

    /** Creates a replication node and returns its handle (0, 1, 2 … in creation order, as BMv2). */
    int multicastNodeCreate(int rid, List<Long> ports);

    void multicastNodeUpdate(int node, List<Long> ports);

    void multicastNodeAssociate(int group, int node);

    /**
     * Sets the rates of a meter: cell {@code index}, or every cell when it is negative; rates
     * are in units per microsecond, the committed rate first.
     */
    void setMeterRates(String meter, long index, double committedRate, long committedBurst, double peakRate,
                       long peakBurst);
}
