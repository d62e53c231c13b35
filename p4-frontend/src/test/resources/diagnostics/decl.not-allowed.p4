action a(out bit<8> result = 1) {}
