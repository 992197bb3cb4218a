import numpy as np
import polars as pl

pd = None
frame = DataFrame()
