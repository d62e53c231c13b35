package dev.p4ebpf.driver.sys;

import java.util.Map;

/**
 * An errno value with its symbolic name (values from {@code asm-generic/errno-base.h},
 * {@code asm-generic/errno.h} and the kernel-internal {@code linux/errno.h} for {@code ENOTSUPP}),
 * so that messages say {@code EPERM} rather than {@code 1}.
 */
public record Errno(int value) {
    public static final int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6, E2BIG = 7, EBADF = 9,
            EAGAIN = 11, ENOMEM = 12, EACCES = 13, EFAULT = 14, EBUSY = 16, EEXIST = 17, EXDEV = 18, ENODEV = 19,
            ENOTDIR = 20, EISDIR = 21, EINVAL = 22, ENFILE = 23, EMFILE = 24, ENOSPC = 28, ERANGE = 34,
            ENAMETOOLONG = 36, ENOSYS = 38, ENOTEMPTY = 39, ELOOP = 40, ENOMSG = 42, ENOLINK = 67,
            EPROTO = 71, EBADMSG = 74, EOVERFLOW = 75, EOPNOTSUPP = 95, EAFNOSUPPORT = 97,
            EADDRNOTAVAIL = 99, ENETDOWN = 100, ENOBUFS = 105, ETIMEDOUT = 110, ENOTSUPP = 524;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(EPERM, "EPERM"), Map.entry(ENOENT, "ENOENT"), Map.entry(ESRCH, "ESRCH"),
            Map.entry(EINTR, "EINTR"), Map.entry(EIO, "EIO"), Map.entry(ENXIO, "ENXIO"), Map.entry(E2BIG, "E2BIG"),
            Map.entry(EBADF, "EBADF"), Map.entry(EAGAIN, "EAGAIN"), Map.entry(ENOMEM, "ENOMEM"),
            Map.entry(EACCES, "EACCES"), Map.entry(EFAULT, "EFAULT"), Map.entry(EBUSY, "EBUSY"),
            Map.entry(EEXIST, "EEXIST"), Map.entry(EXDEV, "EXDEV"), Map.entry(ENODEV, "ENODEV"),
            Map.entry(ENOTDIR, "ENOTDIR"), Map.entry(EISDIR, "EISDIR"), Map.entry(EINVAL, "EINVAL"),
            Map.entry(ENFILE, "ENFILE"), Map.entry(EMFILE, "EMFILE"), Map.entry(ENOSPC, "ENOSPC"),
            Map.entry(ERANGE, "ERANGE"), Map.entry(ENAMETOOLONG, "ENAMETOOLONG"), Map.entry(ENOSYS, "ENOSYS"),
            Map.entry(ENOTEMPTY, "ENOTEMPTY"), Map.entry(ELOOP, "ELOOP"), Map.entry(ENOMSG, "ENOMSG"),
            Map.entry(ENOLINK, "ENOLINK"), Map.entry(EPROTO, "EPROTO"), Map.entry(EBADMSG, "EBADMSG"),
            Map.entry(EOVERFLOW, "EOVERFLOW"), Map.entry(EOPNOTSUPP, "EOPNOTSUPP"),
            Map.entry(EAFNOSUPPORT, "EAFNOSUPPORT"), Map.entry(EADDRNOTAVAIL, "EADDRNOTAVAIL"),
            Map.entry(ENETDOWN, "ENETDOWN"), Map.entry(ENOBUFS, "ENOBUFS"), Map.entry(ETIMEDOUT, "ETIMEDOUT"),
            Map.entry(ENOTSUPP, "ENOTSUPP"));

    private static final Map<Integer, String> TEXTS = Map.ofEntries(
            Map.entry(EPERM, "operation not permitted"), Map.entry(ENOENT, "no such file or entry"),
            Map.entry(E2BIG, "argument list or object too big"), Map.entry(EBADF, "bad file descriptor"),
            Map.entry(EAGAIN, "try again"), Map.entry(ENOMEM, "out of memory"), Map.entry(EACCES, "permission denied"),
            Map.entry(EFAULT, "bad address"), Map.entry(EBUSY, "device or resource busy"),
            Map.entry(EEXIST, "already exists"), Map.entry(ENODEV, "no such device"),
            Map.entry(EINVAL, "invalid argument"), Map.entry(ENOSPC, "no space left"),
            Map.entry(ERANGE, "out of range"), Map.entry(ENOSYS, "function not implemented"),
            Map.entry(EOPNOTSUPP, "operation not supported"), Map.entry(ENOTSUPP, "operation not supported"),
            Map.entry(ENOBUFS, "no buffer space available"), Map.entry(ENOTDIR, "not a directory"));

    /** {@code EPERM}, or {@code errno 123} for a value without a name here. */
    public String name() {
        return NAMES.getOrDefault(value, "errno " + value);
    }

    /** {@code EPERM (operation not permitted)}. */
    public String describe() {
        String text = TEXTS.get(value);
        return text == null ? name() : name() + " (" + text + ")";
    }

    public boolean is(int errno) {
        return value == errno;
    }

    /** EOPNOTSUPP or the kernel's internal ENOTSUPP (524), which bpf(2) returns for unsupported offloads. */
    public boolean isNotSupported() {
        return value == EOPNOTSUPP || value == ENOTSUPP;
    }

    @Override
    public String toString() {
        return name();
    }
}
