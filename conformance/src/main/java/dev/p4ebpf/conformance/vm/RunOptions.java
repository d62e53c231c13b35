package dev.p4ebpf.conformance.vm;

import java.util.List;
import java.util.OptionalInt;

/**
 * The context of one run, as {@code BPF_PROG_TEST_RUN}'s {@code ctx_in} would give it, and the
 * instruction budget. Fields that do not apply to the program's type are ignored.
 *
 * @param instructionBudget most instructions one run may execute before it is reported as endless
 * @param ingressIfindex    {@code xdp_md.ingress_ifindex} (default 1, the loopback device the kernel's
 *                          test run uses) or {@code __sk_buff.ingress_ifindex} (default 0)
 * @param rxQueueIndex      {@code xdp_md.rx_queue_index}
 * @param mark              {@code __sk_buff.mark}
 * @param priority          {@code __sk_buff.priority}
 * @param ifindex           {@code __sk_buff.ifindex} (default 1, loopback)
 * @param cb                {@code __sk_buff.cb[0..4]}
 */
public record RunOptions(long instructionBudget, OptionalInt ingressIfindex, int rxQueueIndex, int mark, int priority,
                         int ifindex, List<Integer> cb) {

    /** The kernel's limit on verified instructions, a fair bound for one run of a loop-free program. */
    public static final long DEFAULT_BUDGET = 1_000_000;

    public RunOptions {
        cb = List.copyOf(cb);
        if (cb.size() != 5) {
            throw new IllegalArgumentException("__sk_buff.cb has 5 words, not " + cb.size());
        }
        if (instructionBudget <= 0) {
            throw new IllegalArgumentException("the instruction budget must be positive, not " + instructionBudget);
        }
    }

    public static RunOptions defaults() {
        return new RunOptions(DEFAULT_BUDGET, OptionalInt.empty(), 0, 0, 0, 1, List.of(0, 0, 0, 0, 0));
    }

    public RunOptions withInstructionBudget(long budget) {
        return new RunOptions(budget, ingressIfindex, rxQueueIndex, mark, priority, ifindex, cb);
    }

    public RunOptions withIngressIfindex(int index) {
        return new RunOptions(instructionBudget, OptionalInt.of(index), rxQueueIndex, mark, priority, ifindex, cb);
    }

    public RunOptions withRxQueueIndex(int queue) {
        return new RunOptions(instructionBudget, ingressIfindex, queue, mark, priority, ifindex, cb);
    }

    public RunOptions withMark(int value) {
        return new RunOptions(instructionBudget, ingressIfindex, rxQueueIndex, value, priority, ifindex, cb);
    }

    public RunOptions withPriority(int value) {
        return new RunOptions(instructionBudget, ingressIfindex, rxQueueIndex, mark, value, ifindex, cb);
    }

    public RunOptions withIfindex(int value) {
        return new RunOptions(instructionBudget, ingressIfindex, rxQueueIndex, mark, priority, value, cb);
    }

    public RunOptions withCb(List<Integer> words) {
        return new RunOptions(instructionBudget, ingressIfindex, rxQueueIndex, mark, priority, ifindex, words);
    }
}
