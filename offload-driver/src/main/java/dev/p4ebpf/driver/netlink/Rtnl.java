package dev.p4ebpf.driver.netlink;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.sys.Errno;
import dev.p4ebpf.driver.sys.Uapi;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The rtnetlink requests the driver needs: interface lookup, XDP attach/replace/detach through
 * {@code IFLA_XDP}, the clsact qdisc, and cls_bpf filters. Each method is one request on the
 * socket it was given; errors come back as {@link NetlinkError} with the kernel's extack text.
 */
public final class Rtnl {
    private final NetlinkSocket socket;

    public Rtnl(NetlinkSocket socket) {
        this.socket = socket;
    }

    // ---------------------------------------------------------------- interfaces

    /** The interface called {@code name}, or a NO_SUCH_INTERFACE failure that says what exists. */
    public LinkInfo link(String name) {
        NlMessage m = new NlMessage(Uapi.RTM_GETLINK, 0).ifinfomsg(0).string(Uapi.IFLA_IFNAME, name);
        try {
            return socket.request(m).stream().filter(r -> r.type() == Uapi.RTM_NEWLINK).map(Rtnl::parseLink)
                    .findFirst().orElseThrow(() -> noSuchInterface(name));
        } catch (NetlinkError e) {
            if (e.is(Errno.ENODEV) || e.is(Errno.ENOENT)) {
                throw noSuchInterface(name);
            }
            throw new DriverException(Kind.KERNEL, "Looking up interface " + name + " failed: " + e.describe() + ".",
                    e.errno(), e);
        }
    }

    /** The interface with index {@code ifindex}. */
    public LinkInfo link(int ifindex) {
        NlMessage m = new NlMessage(Uapi.RTM_GETLINK, 0).ifinfomsg(ifindex);
        try {
            return socket.request(m).stream().filter(r -> r.type() == Uapi.RTM_NEWLINK).map(Rtnl::parseLink)
                    .findFirst().orElseThrow(() -> noSuchInterface("with index " + ifindex));
        } catch (NetlinkError e) {
            throw e.is(Errno.ENODEV) ? noSuchInterface("with index " + ifindex)
                    : new DriverException(Kind.KERNEL, "Looking up interface " + ifindex + " failed: "
                            + e.describe() + ".", e.errno(), e);
        }
    }

    /** Every interface of this network namespace. */
    public List<LinkInfo> links() {
        NlMessage m = new NlMessage(Uapi.RTM_GETLINK, Uapi.NLM_F_DUMP).ifinfomsg(0);
        try {
            return socket.request(m).stream().filter(r -> r.type() == Uapi.RTM_NEWLINK).map(Rtnl::parseLink).toList();
        } catch (NetlinkError e) {
            throw new DriverException(Kind.KERNEL, "Listing interfaces failed: " + e.describe() + ".", e.errno(), e);
        }
    }

    private DriverException noSuchInterface(String name) {
        String known;
        try {
            known = String.join(", ", links().stream().map(LinkInfo::name).sorted().toList());
        } catch (DriverException e) {
            known = "(could not list them)";
        }
        return new DriverException(Kind.NO_SUCH_INTERFACE, "There is no network interface " + name
                + " in this network namespace (interfaces here: " + known + "). Check the name with 'ip link',"
                + " or work in the namespace that has it (p4ebpf's --netns NS).");
    }

    private static LinkInfo parseLink(NetlinkSocket.Reply r) {
        byte[] p = r.payload();
        int ifindex = ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN).getInt(4);
        NlAttrs attrs = NlAttrs.parse(p, Uapi.IFINFOMSG_SIZE, p.length - Uapi.IFINFOMSG_SIZE);
        XdpState xdp = attrs.nested(Uapi.IFLA_XDP).map(x -> new XdpState(
                x.u8(Uapi.IFLA_XDP_ATTACHED).orElse(0), x.u32(Uapi.IFLA_XDP_PROG_ID).orElse(0),
                x.u32(Uapi.IFLA_XDP_DRV_PROG_ID).orElse(0), x.u32(Uapi.IFLA_XDP_SKB_PROG_ID).orElse(0),
                x.u32(Uapi.IFLA_XDP_HW_PROG_ID).orElse(0))).orElse(XdpState.NONE);
        return new LinkInfo(ifindex, attrs.string(Uapi.IFLA_IFNAME).orElse("?"), xdp);
    }

    // ---------------------------------------------------------------- XDP

    /**
     * RTM_SETLINK with IFLA_XDP: attaches {@code progFd} (or detaches with -1) in the mode of
     * {@code flags}; with {@code expectedFd} ≥ 0, XDP_FLAGS_REPLACE makes it an atomic swap that
     * fails unless that program is the one attached.
     */
    public void setXdp(int ifindex, int progFd, int flags, int expectedFd) throws NetlinkError {
        NlMessage m = new NlMessage(Uapi.RTM_SETLINK, 0).ifinfomsg(ifindex).begin(Uapi.IFLA_XDP)
                .u32(Uapi.IFLA_XDP_FD, progFd);
        int allFlags = flags | (expectedFd >= 0 ? Uapi.XDP_FLAGS_REPLACE : 0);
        if (allFlags != 0) {
            m.u32(Uapi.IFLA_XDP_FLAGS, allFlags);
        }
        if (expectedFd >= 0) {
            m.u32(Uapi.IFLA_XDP_EXPECTED_FD, expectedFd);
        }
        socket.request(m.end());
    }

    // ---------------------------------------------------------------- tc

    /** Adds the clsact qdisc; true when it was added, false when it was there already. */
    public boolean addClsact(int ifindex) throws NetlinkError {
        NlMessage m = new NlMessage(Uapi.RTM_NEWQDISC, Uapi.NLM_F_CREATE | Uapi.NLM_F_EXCL)
                .tcmsg(ifindex, Uapi.CLSACT_HANDLE, Uapi.TC_H_CLSACT, 0).string(Uapi.TCA_KIND, "clsact");
        try {
            socket.request(m);
            return true;
        } catch (NetlinkError e) {
            if (e.is(Errno.EEXIST)) {
                return false;
            }
            throw e;
        }
    }

    /** Deletes the clsact qdisc and with it every filter under it. */
    public void deleteClsact(int ifindex) throws NetlinkError {
        socket.request(new NlMessage(Uapi.RTM_DELQDISC, 0).tcmsg(ifindex, Uapi.CLSACT_HANDLE, Uapi.TC_H_CLSACT, 0)
                .string(Uapi.TCA_KIND, "clsact"));
    }

    /**
     * Adds (or, with {@code replace}, atomically replaces) the direct-action cls_bpf filter at
     * ({@code priority}, {@code handle}) on the ingress or egress hook.
     */
    public void putBpfFilter(int ifindex, int parentMinor, int priority, int handle, int progFd, String name,
            boolean skipSw, boolean replace) throws NetlinkError {
        int flags = Uapi.NLM_F_CREATE | (replace ? Uapi.NLM_F_REPLACE : Uapi.NLM_F_EXCL);
        NlMessage m = new NlMessage(Uapi.RTM_NEWTFILTER, flags)
                .tcmsg(ifindex, handle, clsactParent(parentMinor), filterInfo(priority))
                .string(Uapi.TCA_KIND, "bpf").begin(Uapi.TCA_OPTIONS).u32(Uapi.TCA_BPF_FD, progFd)
                .string(Uapi.TCA_BPF_NAME, name).u32(Uapi.TCA_BPF_FLAGS, Uapi.TCA_BPF_FLAG_ACT_DIRECT);
        if (skipSw) {
            m.u32(Uapi.TCA_BPF_FLAGS_GEN, Uapi.TCA_CLS_FLAGS_SKIP_SW);
        }
        socket.request(m.end());
    }

    public void deleteBpfFilter(int ifindex, int parentMinor, int priority, int handle) throws NetlinkError {
        socket.request(new NlMessage(Uapi.RTM_DELTFILTER, 0)
                .tcmsg(ifindex, handle, clsactParent(parentMinor), filterInfo(priority)).string(Uapi.TCA_KIND, "bpf"));
    }

    /** The bpf filters on one clsact hook (empty when there is no clsact qdisc). */
    public List<TcFilter> bpfFilters(int ifindex, int parentMinor) throws NetlinkError {
        NlMessage m = new NlMessage(Uapi.RTM_GETTFILTER, Uapi.NLM_F_DUMP).tcmsg(ifindex, 0, clsactParent(parentMinor), 0);
        List<TcFilter> filters = new ArrayList<>();
        List<NetlinkSocket.Reply> replies;
        try {
            replies = socket.request(m);
        } catch (NetlinkError e) {
            if (e.is(Errno.EINVAL) || e.is(Errno.ENOENT)) {
                return filters;
            }
            throw e;
        }
        for (NetlinkSocket.Reply r : replies) {
            byte[] p = r.payload();
            ByteBuffer b = ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN);
            NlAttrs attrs = NlAttrs.parse(p, Uapi.TCMSG_SIZE, p.length - Uapi.TCMSG_SIZE);
            if (!attrs.string(Uapi.TCA_KIND).orElse("").equals("bpf")) {
                continue;
            }
            NlAttrs options = attrs.nested(Uapi.TCA_OPTIONS).orElse(NlAttrs.parse(new byte[0], 0, 0));
            filters.add(new TcFilter(ifindex, parentMinor, b.getInt(16) >>> 16, b.getInt(8),
                    options.u32(Uapi.TCA_BPF_ID).orElse(0), options.string(Uapi.TCA_BPF_NAME).orElse("")));
        }
        return filters;
    }

    private static int clsactParent(int minor) {
        return (Uapi.TC_H_CLSACT & 0xFFFF0000) | minor;
    }

    /** {@code TC_H_MAKE(prio << 16, htons(ETH_P_ALL))}. */
    private static int filterInfo(int priority) {
        int protocol = Short.toUnsignedInt(Short.reverseBytes((short) Uapi.ETH_P_ALL));
        return (priority << 16) | protocol;
    }
}
