import numpy as np
import polars as pl

pd = None
frame = DataFrame()

# Methods of a DataFrame, and functions of other libraries, are not pandas calls.
orders.merge(customers, on="customer_id")
table = pl.read_csv("events.csv")
rows = csv.reader(handle)
for key, value in mapping.items():
    print(key, value)
rows = iterrows(frame)  # a function of its own, not the DataFrame method
