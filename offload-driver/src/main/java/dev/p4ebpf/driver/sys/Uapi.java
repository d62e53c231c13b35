package dev.p4ebpf.driver.sys;

/**
 * Every kernel ABI number the driver uses, in one place. The values are copied from the Linux UAPI
 * headers named in each section ({@code linux/bpf.h}, {@code linux/if_link.h},
 * {@code linux/pkt_cls.h}, {@code linux/rtnetlink.h}, {@code linux/netlink.h},
 * {@code asm-generic/errno*.h}, x86-64 {@code unistd_64.h}) and are stable kernel ABI; see
 * {@code docs/KERNEL-ABI.md}. Nothing else in the driver spells a raw kernel number.
 */
public final class Uapi {
    private Uapi() {}

    // ---- x86-64 syscall numbers (asm/unistd_64.h)
    public static final long SYS_BPF = 321;

    // ---- bpf(2) commands (linux/bpf.h: enum bpf_cmd)
    public static final int BPF_MAP_CREATE = 0;
    public static final int BPF_MAP_LOOKUP_ELEM = 1;
    public static final int BPF_MAP_UPDATE_ELEM = 2;
    public static final int BPF_MAP_DELETE_ELEM = 3;
    public static final int BPF_MAP_GET_NEXT_KEY = 4;
    public static final int BPF_PROG_LOAD = 5;
    public static final int BPF_OBJ_PIN = 6;
    public static final int BPF_OBJ_GET = 7;
    public static final int BPF_PROG_TEST_RUN = 10;
    public static final int BPF_PROG_GET_FD_BY_ID = 13;
    public static final int BPF_MAP_GET_FD_BY_ID = 14;
    public static final int BPF_OBJ_GET_INFO_BY_FD = 15;
    public static final int BPF_BTF_LOAD = 18;
    public static final int BPF_MAP_LOOKUP_BATCH = 24;
    public static final int BPF_MAP_UPDATE_BATCH = 26;
    public static final int BPF_MAP_DELETE_BATCH = 27;
    public static final int BPF_LINK_CREATE = 28;
    public static final int BPF_LINK_UPDATE = 29;
    public static final int BPF_LINK_GET_FD_BY_ID = 30;
    public static final int BPF_LINK_DETACH = 34;

    /** {@code sizeof(union bpf_attr)} as of Linux 6.x; the kernel accepts it when the unknown tail is zero. */
    public static final int BPF_ATTR_SIZE = 168;

    // ---- union bpf_attr field offsets, per command
    public static final long MAP_CREATE_MAP_TYPE = 0, MAP_CREATE_KEY_SIZE = 4, MAP_CREATE_VALUE_SIZE = 8,
            MAP_CREATE_MAX_ENTRIES = 12, MAP_CREATE_MAP_FLAGS = 16, MAP_CREATE_INNER_MAP_FD = 20,
            MAP_CREATE_NAME = 28, MAP_CREATE_IFINDEX = 44, MAP_CREATE_BTF_FD = 48,
            MAP_CREATE_BTF_KEY_TYPE_ID = 52, MAP_CREATE_BTF_VALUE_TYPE_ID = 56;
    public static final long ELEM_MAP_FD = 0, ELEM_KEY = 8, ELEM_VALUE = 16, ELEM_FLAGS = 24;
    /** Batch commands: in_batch 0, out_batch 8, keys 16, values 24, count 32, map_fd 36, elem_flags 40, flags 48. */
    public static final long BATCH_IN = 0, BATCH_OUT = 8, BATCH_KEYS = 16, BATCH_VALUES = 24, BATCH_COUNT = 32,
            BATCH_MAP_FD = 36, BATCH_ELEM_FLAGS = 40, BATCH_FLAGS = 48;
    public static final long PROG_LOAD_TYPE = 0, PROG_LOAD_INSN_CNT = 4, PROG_LOAD_INSNS = 8, PROG_LOAD_LICENSE = 16,
            PROG_LOAD_LOG_LEVEL = 24, PROG_LOAD_LOG_SIZE = 28, PROG_LOAD_LOG_BUF = 32, PROG_LOAD_FLAGS = 44,
            PROG_LOAD_NAME = 48, PROG_LOAD_IFINDEX = 64, PROG_LOAD_EXPECTED_ATTACH_TYPE = 68,
            PROG_LOAD_BTF_FD = 72, PROG_LOAD_FUNC_INFO_REC_SIZE = 76, PROG_LOAD_FUNC_INFO = 80,
            PROG_LOAD_FUNC_INFO_CNT = 88, PROG_LOAD_LINE_INFO_REC_SIZE = 92, PROG_LOAD_LINE_INFO = 96,
            PROG_LOAD_LINE_INFO_CNT = 104;
    public static final long OBJ_PATHNAME = 0, OBJ_BPF_FD = 8, OBJ_FILE_FLAGS = 12;
    public static final long TEST_PROG_FD = 0, TEST_RETVAL = 4, TEST_DATA_SIZE_IN = 8, TEST_DATA_SIZE_OUT = 12,
            TEST_DATA_IN = 16, TEST_DATA_OUT = 24, TEST_REPEAT = 32, TEST_DURATION = 36, TEST_CTX_SIZE_IN = 40,
            TEST_CTX_SIZE_OUT = 44, TEST_CTX_IN = 48, TEST_CTX_OUT = 56, TEST_FLAGS = 64, TEST_CPU = 68,
            TEST_BATCH_SIZE = 72;
    /** BPF_*_GET_FD_BY_ID: the id at offset 0 (start_id / prog_id / map_id / link_id). */
    public static final long GET_FD_BY_ID_ID = 0;
    public static final long INFO_BPF_FD = 0, INFO_LEN = 4, INFO_INFO = 8;
    public static final long BTF_LOAD_BTF = 0, BTF_LOAD_LOG_BUF = 8, BTF_LOAD_SIZE = 16, BTF_LOAD_LOG_SIZE = 20,
            BTF_LOAD_LOG_LEVEL = 24;
    public static final long LINK_CREATE_PROG_FD = 0, LINK_CREATE_TARGET_IFINDEX = 4, LINK_CREATE_ATTACH_TYPE = 8,
            LINK_CREATE_FLAGS = 12, LINK_CREATE_TCX_RELATIVE_FD = 16, LINK_CREATE_TCX_EXPECTED_REVISION = 24;
    public static final long LINK_UPDATE_LINK_FD = 0, LINK_UPDATE_NEW_PROG_FD = 4, LINK_UPDATE_FLAGS = 8,
            LINK_UPDATE_OLD_PROG_FD = 12;
    public static final long LINK_DETACH_LINK_FD = 0;

    // ---- struct bpf_prog_info / bpf_map_info / bpf_link_info (linux/bpf.h), the leading fields we read
    public static final int PROG_INFO_SIZE = 232;
    public static final long PROG_INFO_TYPE = 0, PROG_INFO_ID = 4, PROG_INFO_TAG = 8, PROG_INFO_JITED_LEN = 16,
            PROG_INFO_XLATED_LEN = 20, PROG_INFO_NAME = 64, PROG_INFO_IFINDEX = 80;
    public static final int MAP_INFO_SIZE = 88;
    public static final long MAP_INFO_TYPE = 0, MAP_INFO_ID = 4, MAP_INFO_KEY_SIZE = 8, MAP_INFO_VALUE_SIZE = 12,
            MAP_INFO_MAX_ENTRIES = 16, MAP_INFO_MAP_FLAGS = 20, MAP_INFO_NAME = 24, MAP_INFO_IFINDEX = 40;
    public static final int LINK_INFO_SIZE = 64;
    public static final long LINK_INFO_TYPE = 0, LINK_INFO_ID = 4, LINK_INFO_PROG_ID = 8, LINK_INFO_IFINDEX = 16;
    /** For tcx links the ifindex is at 16 and the attach_type at 20. */
    public static final long LINK_INFO_TCX_ATTACH_TYPE = 20;

    // ---- bpf_prog_type
    public static final int BPF_PROG_TYPE_SCHED_CLS = 3, BPF_PROG_TYPE_SCHED_ACT = 4, BPF_PROG_TYPE_XDP = 6;
    // ---- bpf_map_type
    public static final int BPF_MAP_TYPE_HASH = 1, BPF_MAP_TYPE_ARRAY = 2, BPF_MAP_TYPE_PROG_ARRAY = 3,
            BPF_MAP_TYPE_PERF_EVENT_ARRAY = 4, BPF_MAP_TYPE_PERCPU_HASH = 5, BPF_MAP_TYPE_PERCPU_ARRAY = 6,
            BPF_MAP_TYPE_LRU_HASH = 9, BPF_MAP_TYPE_LPM_TRIE = 11, BPF_MAP_TYPE_ARRAY_OF_MAPS = 12,
            BPF_MAP_TYPE_HASH_OF_MAPS = 13, BPF_MAP_TYPE_DEVMAP = 14, BPF_MAP_TYPE_DEVMAP_HASH = 25,
            BPF_MAP_TYPE_RINGBUF = 27;
    // ---- bpf_attach_type
    public static final int BPF_XDP = 37, BPF_TCX_INGRESS = 46, BPF_TCX_EGRESS = 47;
    // ---- bpf_link_type
    public static final int BPF_LINK_TYPE_XDP = 6, BPF_LINK_TYPE_TCX = 11;

    // ---- flags
    public static final long BPF_ANY = 0, BPF_NOEXIST = 1, BPF_EXIST = 2;
    /** map_flags: BPF_F_NO_PREALLOC, required by LPM tries. */
    public static final int BPF_F_NO_PREALLOC = 1;
    public static final int BPF_F_TEST_XDP_LIVE_FRAMES = 2;
    public static final int BPF_F_REPLACE = 4, BPF_F_BEFORE = 8, BPF_F_AFTER = 16, BPF_F_ID = 32, BPF_F_LINK = 8192;
    public static final int BPF_OBJ_NAME_LEN = 16;
    /** Pseudo source registers of LD_IMM64. */
    public static final int BPF_PSEUDO_MAP_FD = 1, BPF_PSEUDO_MAP_VALUE = 2;
    /** Pseudo source register of a bpf-to-bpf call. */
    public static final int BPF_PSEUDO_CALL = 1;

    // ---- XDP (linux/if_link.h)
    public static final int XDP_FLAGS_UPDATE_IF_NOEXIST = 1, XDP_FLAGS_SKB_MODE = 2, XDP_FLAGS_DRV_MODE = 4,
            XDP_FLAGS_HW_MODE = 8, XDP_FLAGS_REPLACE = 16;
    public static final int XDP_ATTACHED_NONE = 0, XDP_ATTACHED_DRV = 1, XDP_ATTACHED_SKB = 2, XDP_ATTACHED_HW = 3,
            XDP_ATTACHED_MULTI = 4;
    public static final int IFLA_IFNAME = 3, IFLA_XDP = 43;
    public static final int IFLA_XDP_FD = 1, IFLA_XDP_ATTACHED = 2, IFLA_XDP_FLAGS = 3, IFLA_XDP_PROG_ID = 4,
            IFLA_XDP_DRV_PROG_ID = 5, IFLA_XDP_SKB_PROG_ID = 6, IFLA_XDP_HW_PROG_ID = 7, IFLA_XDP_EXPECTED_FD = 8;
    /** XDP verdicts (enum xdp_action). */
    public static final int XDP_ABORTED = 0, XDP_DROP = 1, XDP_PASS = 2, XDP_TX = 3, XDP_REDIRECT = 4;
    /** tc verdicts (linux/pkt_cls.h TC_ACT_*) and tcx return codes. */
    public static final int TC_ACT_UNSPEC = -1, TC_ACT_OK = 0, TC_ACT_RECLASSIFY = 1, TC_ACT_SHOT = 2,
            TC_ACT_PIPE = 3, TC_ACT_STOLEN = 4, TC_ACT_QUEUED = 5, TC_ACT_REPEAT = 6, TC_ACT_REDIRECT = 7;

    // ---- netlink (linux/netlink.h, linux/rtnetlink.h)
    public static final int AF_UNSPEC = 0, AF_NETLINK = 16, AF_PACKET = 17;
    public static final int SOCK_RAW = 3, SOCK_CLOEXEC = 0x80000;
    public static final int NETLINK_ROUTE = 0;
    public static final int SOL_NETLINK = 270, NETLINK_EXT_ACK = 11, NETLINK_CAP_ACK = 10, NETLINK_GET_STRICT_CHK = 12;
    public static final int NLMSG_HDRLEN = 16, NLA_HDRLEN = 4;
    public static final int NLMSG_NOOP = 1, NLMSG_ERROR = 2, NLMSG_DONE = 3;
    public static final int NLM_F_REQUEST = 1, NLM_F_MULTI = 2, NLM_F_ACK = 4, NLM_F_ROOT = 0x100,
            NLM_F_MATCH = 0x200, NLM_F_DUMP = 0x300, NLM_F_REPLACE = 0x100, NLM_F_EXCL = 0x200,
            NLM_F_CREATE = 0x400, NLM_F_CAPPED = 0x100, NLM_F_ACK_TLVS = 0x200;
    public static final int NLA_F_NESTED = 0x8000;
    public static final int NLMSGERR_ATTR_MSG = 1, NLMSGERR_ATTR_OFFS = 2;
    public static final int RTM_NEWLINK = 16, RTM_GETLINK = 18, RTM_SETLINK = 19;
    public static final int RTM_NEWQDISC = 36, RTM_DELQDISC = 37, RTM_GETQDISC = 38;
    public static final int RTM_NEWTFILTER = 44, RTM_DELTFILTER = 45, RTM_GETTFILTER = 46;
    /** sizeof(struct ifinfomsg), sizeof(struct tcmsg). */
    public static final int IFINFOMSG_SIZE = 16, TCMSG_SIZE = 20;

    // ---- tc (linux/pkt_sched.h, linux/pkt_cls.h)
    public static final int TC_H_CLSACT = 0xFFFFFFF1, TC_H_MIN_INGRESS = 0xFFF2, TC_H_MIN_EGRESS = 0xFFF3;
    public static final int CLSACT_HANDLE = 0xFFFF0000;
    public static final int TCA_KIND = 1, TCA_OPTIONS = 2;
    public static final int TCA_BPF_FD = 6, TCA_BPF_NAME = 7, TCA_BPF_FLAGS = 8, TCA_BPF_FLAGS_GEN = 9,
            TCA_BPF_ID = 11;
    public static final int TCA_BPF_FLAG_ACT_DIRECT = 1;
    public static final int TCA_CLS_FLAGS_SKIP_HW = 1, TCA_CLS_FLAGS_SKIP_SW = 2;
    public static final int ETH_P_ALL = 3;

    // ---- mount(2), statfs(2)
    public static final long BPF_FS_MAGIC = 0xcafe4a11L;
    public static final int STATFS_SIZE = 120;
    public static final int MNT_DETACH = 2;

    // ---- setns(2), unshare(2)
    public static final int CLONE_NEWNS = 0x20000, CLONE_NEWNET = 0x40000000;

    // ---- AF_PACKET (linux/if_packet.h)
    public static final int SOL_PACKET = 263, PACKET_IGNORE_OUTGOING = 23;
    public static final int SOL_SOCKET = 1, SO_RCVTIMEO = 20, SO_RCVBUF = 8;
    public static final int SOCKADDR_LL_SIZE = 20;
    public static final int MSG_DONTWAIT = 0x40;
    public static final int O_RDONLY = 0, O_CLOEXEC = 0x80000;
}
