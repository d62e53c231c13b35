package dev.p4ebpf.driver.deploy;

import dev.p4ebpf.driver.link.AttachMode;
import dev.p4ebpf.driver.link.Mechanism;
import java.nio.file.Path;
import java.util.List;

/**
 * What p4ebpf attached where, as its registry directory records it.
 *
 * @param dir the registry directory ({@code ROOT/IFNAME@MODE[@netns-INODE]})
 * @param netns the network namespace's inode when it is not the initial one, else empty
 * @param linkId the BPF link's id, 0 for netlink attachments
 * @param attached whether the kernel still has the program there (a link that was detached, or an
 *     interface that went away, leaves a stale entry)
 * @param maps the names of the pinned maps (under {@code dir/maps})
 */
public record Deployment(Path dir, String ifname, String netns, AttachMode mode, Mechanism mechanism, int programId,
        String programName, int linkId, boolean attached, List<String> maps) {

    /** Where the maps are pinned; file names encoded with {@link dev.p4ebpf.driver.pin.PinNames}. */
    public Path mapsDir() {
        return dir.resolve(Registry.MAPS);
    }

    /** One line for {@code p4ebpf list}. */
    public String line() {
        return ifname + (netns.isEmpty() ? "" : " (netns " + netns + ")") + "  " + mode.word() + "  via "
                + mechanism.word() + (linkId != 0 ? " (link " + linkId + ")" : "") + "  program " + programName + " (id "
                + programId + ")" + (attached ? "" : "  [NOT ATTACHED: stale, remove with unload]") + "  maps: "
                + (maps.isEmpty() ? "none" : String.join(", ", maps)) + "  pinned at " + dir;
    }
}
