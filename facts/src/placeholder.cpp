namespace nogood::facts {}
