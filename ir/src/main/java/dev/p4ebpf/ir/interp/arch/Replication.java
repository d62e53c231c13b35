package dev.p4ebpf.ir.interp.arch;

import dev.p4ebpf.ir.interp.InterpreterException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BMv2's packet replication engine as simple_switch_CLI configures it: mirroring sessions
 * (a port and/or a multicast group each) and multicast groups made of nodes, a node being a
 * replication id and a set of ports.
 */
final class Replication {
    /** A mirroring session: a port or -1, a multicast group or -1. */
    record Session(long port, int group) {
        @Override
        public String toString() {
            return (port >= 0 ? "port " + port : "") + (port >= 0 && group >= 0 ? ", " : "")
                    + (group >= 0 ? "multicast group " + group : "");
        }
    }

    /** One copy a group makes: its replication id and port. */
    record Copy(int rid, long port) {}

    private record Node(int rid, List<Long> ports) {}

    private final Map<Integer, Session> sessions = new HashMap<>();
    private final Map<Integer, Set<Integer>> groups = new HashMap<>();
    private final List<Node> nodes = new ArrayList<>();

    void addSession(int id, long port, int group) {
        sessions.put(id, new Session(port, group));
    }

    void deleteSession(int id) {
        sessions.remove(id);
    }

    Session session(int id) {
        return sessions.get(id);
    }

    void createGroup(int group) {
        groups.putIfAbsent(group, new LinkedHashSet<>());
    }

    int createNode(int rid, List<Long> ports) {
        nodes.add(new Node(rid, List.copyOf(ports)));
        return nodes.size() - 1;
    }

    void updateNode(int node, List<Long> ports) {
        checkNode(node);
        nodes.set(node, new Node(nodes.get(node).rid(), List.copyOf(ports)));
    }

    void associate(int group, int node) {
        checkNode(node);
        Set<Integer> g = groups.get(group);
        if (g == null) {
            throw new InterpreterException("multicast group " + group + " does not exist (mc_mgrp_create it first)");
        }
        g.add(node);
    }

    private void checkNode(int node) {
        if (node < 0 || node >= nodes.size()) {
            throw new InterpreterException("multicast node " + node + " does not exist (there are " + nodes.size()
                    + ")");
        }
    }

    /** The copies group {@code group} makes, node by node in association order; none for an unknown group. */
    List<Copy> copies(int group) {
        List<Copy> out = new ArrayList<>();
        for (int n : groups.getOrDefault(group, Set.of())) {
            Node node = nodes.get(n);
            for (long p : node.ports()) {
                out.add(new Copy(node.rid(), p));
            }
        }
        return out;
    }
}
