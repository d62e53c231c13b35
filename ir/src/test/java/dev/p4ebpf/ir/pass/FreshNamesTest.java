package dev.p4ebpf.ir.pass;

import static dev.p4ebpf.ir.pass.TestIr.assign;
import static dev.p4ebpf.ir.pass.TestIr.control;
import static dev.p4ebpf.ir.pass.TestIr.lit;
import static dev.p4ebpf.ir.pass.TestIr.var;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FreshNamesTest {
    @Test
    void freshNamesAvoidEveryNameTheProgramUses() {
        var names = FreshNames.of(control(List.of(assign(var("tmp"), lit(1)), assign(var("tmp_0"), lit(2)))));
        assertTrue(names.isUsed("c") && names.isUsed("x") && names.isUsed("y") && names.isUsed("accept"));
        assertEquals("tmp_1", names.fresh("tmp"));
        assertEquals("tmp_2", names.fresh("tmp"));
        assertEquals("z", names.fresh("z"));
        assertEquals("z_0", names.fresh("z"));
    }

    @Test
    void aNumericSuffixIsDroppedBeforeANewOneIsAdded() {
        var names = FreshNames.of(control(List.of()));
        names.reserve("x_0");
        assertEquals("x_1", names.fresh("x_0"));
        assertEquals("y_0", names.freshSuffixed("y"));
        assertEquals("tmp", names.fresh(""));
    }
}
