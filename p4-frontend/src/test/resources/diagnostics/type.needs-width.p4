control c(inout bit<8> x) {
    apply {
        x = (bit<8>)(5 ++ 3);
    }
}
