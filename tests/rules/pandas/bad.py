import pandas as pd
#      ^^^^^^ pandas
from pandas import DataFrame
#    ^^^^^^ pandas
