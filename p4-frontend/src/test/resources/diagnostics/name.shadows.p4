control c(inout bit<8> x) {
    bit<8> x = 0;
    apply {}
}
