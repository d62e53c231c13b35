package dev.p4ebpf.conformance.vm;

/** The Linux errno values helpers return negated (asm-generic/errno-base.h, errno.h, linux/errno.h). */
final class Errno {
    private Errno() {
    }

    static final int ENOENT = 2;
    static final int E2BIG = 7;
    static final int ENOMEM = 12;
    static final int EFAULT = 14;
    static final int EBUSY = 16;
    static final int EEXIST = 17;
    static final int EINVAL = 22;
    static final int ENOSPC = 28;
    static final int ERANGE = 34;
    static final int EOPNOTSUPP = 95;
    /** The kernel-internal ENOTSUPP that some helpers return. */
    static final int ENOTSUPP = 524;

    /** The errno's symbolic name, for messages. */
    static String name(int errno) {
        return switch (Math.abs(errno)) {
            case ENOENT -> "ENOENT";
            case E2BIG -> "E2BIG";
            case ENOMEM -> "ENOMEM";
            case EFAULT -> "EFAULT";
            case EBUSY -> "EBUSY";
            case EEXIST -> "EEXIST";
            case EINVAL -> "EINVAL";
            case ENOSPC -> "ENOSPC";
            case ERANGE -> "ERANGE";
            case EOPNOTSUPP -> "EOPNOTSUPP";
            case ENOTSUPP -> "ENOTSUPP";
            default -> "errno " + Math.abs(errno);
        };
    }
}
