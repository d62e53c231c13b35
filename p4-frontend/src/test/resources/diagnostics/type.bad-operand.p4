control c(inout bit<8> x, inout bit<16> y) {
    apply {
        x = x + y;
    }
}
