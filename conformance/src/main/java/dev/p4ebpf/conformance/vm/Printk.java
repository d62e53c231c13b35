package dev.p4ebpf.conformance.vm;

import java.nio.charset.StandardCharsets;

/**
 * {@code bpf_trace_printk(fmt, fmt_size, a1, a2, a3)}: formats as the kernel's
 * {@code bpf_bprintf_prepare} allows — at most three conversions among {@code %d %i %u %x %X %c %s %p
 * %px %pK} with optional {@code l}/{@code ll}, flags {@code -0+ #} and a width — and captures the line
 * in the run's trace instead of the kernel's trace pipe. Returns the length of the text, or
 * {@code -EINVAL} for a format the kernel refuses. Pointers print as their fake kernel address.
 */
final class Printk {
    private Printk() {
    }

    static long call(Machine m) {
        long size = m.scalar(2, "the format size of bpf_trace_printk");
        byte[] fmt = Helpers.read(m, 1, size, "the format of bpf_trace_printk");
        if (fmt.length == 0 || fmt[fmt.length - 1] != 0) {
            return -Errno.EINVAL;
        }
        int len = 0;
        while (fmt[len] != 0) {
            len++;
        }
        String text = format(m, new String(fmt, 0, len, StandardCharsets.ISO_8859_1));
        if (text == null) {
            return -Errno.EINVAL;
        }
        m.trace.add(text);
        return text.length();
    }

    /** The formatted text, or null if the kernel would refuse the format. */
    private static String format(Machine m, String fmt) {
        StringBuilder out = new StringBuilder();
        int arg = 0;
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '%') {
                out.append('%');
                i++;
                continue;
            }
            int start = i++;
            while (i < fmt.length() && "-0+ #".indexOf(fmt.charAt(i)) >= 0) {
                i++;
            }
            while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
                i++;
            }
            String spec = fmt.substring(start + 1, i);
            int longs = 0;
            while (i < fmt.length() && fmt.charAt(i) == 'l' && longs < 2) {
                longs++;
                i++;
            }
            if (i >= fmt.length() || arg >= 3) {
                return null;
            }
            String piece = conversion(m, fmt.charAt(i), longs, spec, 3 + arg);
            if (piece == null) {
                return null;
            }
            if (fmt.charAt(i) == 'p' && i + 1 < fmt.length() && "xK".indexOf(fmt.charAt(i + 1)) >= 0) {
                i++;
            }
            arg++;
            out.append(piece);
        }
        return out.toString();
    }

    private static String conversion(Machine m, char conv, int longs, String spec, int r) {
        long v = m.value(r);
        return switch (conv) {
            case 'd', 'i' -> String.format("%" + javaFlags(spec) + "d", longs == 0 ? (long) (int) v : v);
            case 'u' -> String.format("%" + javaFlags(spec) + "s", longs == 0 ? Long.toString(v & 0xffff_ffffL)
                    : Long.toUnsignedString(v));
            case 'x', 'X' -> {
                String hex = Long.toHexString(longs == 0 ? v & 0xffff_ffffL : v);
                if (spec.contains("#") && v != 0) {
                    hex = "0x" + hex;
                }
                yield pad(conv == 'X' ? hex.toUpperCase(java.util.Locale.ROOT) : hex, spec);
            }
            case 'c' -> pad(String.valueOf((char) (v & 0xff)), spec);
            case 'p' -> pad("0x" + Long.toHexString(v), spec);
            case 's' -> pad(string(m, r), spec);
            default -> null;
        };
    }

    private static String javaFlags(String spec) {
        return spec.replace("#", "");
    }

    private static String pad(String s, String spec) {
        String digits = spec.replaceAll("[^0-9]", "");
        boolean zero = spec.startsWith("0") || spec.matches("[-+ #]*0.*");
        int width = digits.isEmpty() ? 0 : Integer.parseInt(digits.replaceFirst("^0+", "").isEmpty() ? "0"
                : digits.replaceFirst("^0+", ""));
        if (s.length() >= width) {
            return s;
        }
        String fill = (zero && !spec.contains("-") ? "0" : " ").repeat(width - s.length());
        return spec.contains("-") ? s + fill : fill + s;
    }

    private static String string(Machine m, int r) {
        Region t = m.type[r];
        if (t == null || t == Region.UNINIT || t.mem == null || !t.valid) {
            return "(efault)";
        }
        StringBuilder sb = new StringBuilder();
        for (long a = m.reg[r]; a >= t.lo && a < t.hi && sb.length() < 511; a++) {
            byte b = t.mem[(int) a];
            if (b == 0) {
                break;
            }
            sb.append((char) (b & 0xff));
        }
        return sb.toString();
    }
}
