import numpy as np
#      ^^^^^ numpy
import numpy.linalg
#      ^^^^^^^^^^^^ numpy
from numpy import array
#    ^^^^^ numpy
