package dev.p4ebpf.driver.load;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to load an object.
 *
 * @param pinRoot where maps marked for pinning ({@code pinning = BY_NAME}) live, and where
 *     {@code reusePinnedMaps} looks for maps to share; empty for {@code /sys/fs/bpf}
 * @param reusePinnedMaps when a map of the same name is pinned there and has the same shape, use it
 *     instead of creating a new one (for every map, not only BY_NAME ones)
 * @param offloadIfindex the device to offload the programs and maps to, or 0 to load them in the kernel
 */
public record LoadOptions(Optional<Path> pinRoot, boolean reusePinnedMaps, int offloadIfindex) {
    public static final LoadOptions DEFAULT = new LoadOptions(Optional.empty(), false, 0);

    public Path pinRootOrDefault() {
        return pinRoot.orElse(Path.of("/sys/fs/bpf"));
    }

    public LoadOptions withOffload(int ifindex) {
        return new LoadOptions(pinRoot, reusePinnedMaps, ifindex);
    }

    public LoadOptions reusingPinnedMapsIn(Path dir) {
        return new LoadOptions(Optional.of(dir), true, offloadIfindex);
    }
}
