import math

print(math.isclose(0.1 + 0.2, 0.3))
if total < 1.0:
    pass
same = count == 1
half = ratio == half_value
