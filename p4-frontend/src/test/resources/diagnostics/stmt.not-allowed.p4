control c() {
    apply {
        break;
    }
}
