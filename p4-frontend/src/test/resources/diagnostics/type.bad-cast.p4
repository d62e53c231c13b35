const bool b = (bool)8w1;
