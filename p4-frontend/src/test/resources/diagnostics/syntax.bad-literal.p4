const bit<8> x = 99999999w1;
