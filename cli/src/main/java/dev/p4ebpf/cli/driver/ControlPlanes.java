package dev.p4ebpf.cli.driver;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import dev.p4ebpf.ebpf.controlplane.ControlPlaneException;
import dev.p4ebpf.ebpf.controlplane.ControlPlaneJson;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a control-plane description for the CLI, as a driver failure with the problems when it is wrong. */
final class ControlPlanes {
    private ControlPlanes() {}

    static ControlPlane read(Path file) {
        if (!Files.exists(file)) {
            throw new DriverException(Kind.NOT_FOUND, "There is no control-plane description " + file
                    + ". 'p4ebpf compile' writes it next to the object; give it with --control FILE.");
        }
        try {
            return ControlPlaneJson.read(file);
        } catch (ControlPlaneException e) {
            throw new DriverException(Kind.BAD_INPUT, e.getMessage(), null, e);
        }
    }
}
