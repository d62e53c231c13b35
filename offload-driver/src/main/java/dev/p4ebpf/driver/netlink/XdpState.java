package dev.p4ebpf.driver.netlink;

/**
 * The XDP programs on one interface as rtnetlink reports them ({@code IFLA_XDP}): the attach mode
 * ({@code XDP_ATTACHED_*}) and the program id per mode, 0 where none.
 */
public record XdpState(int attached, int progId, int driverProgId, int genericProgId, int hardwareProgId) {
    public static final XdpState NONE = new XdpState(0, 0, 0, 0, 0);

    public boolean any() {
        return attached != 0;
    }
}
