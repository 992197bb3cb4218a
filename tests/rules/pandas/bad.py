import pandas as pd
#      ^^^^^^ pandas
from pandas import DataFrame
#    ^^^^^^ pandas
from pandas import concat
#    ^^^^^^ pandas

frame = pd.read_csv("events.csv", chunksize=10_000)
#       ^^^^^^^^^^^ pandas
joined = pd.merge(orders, customers, on="customer_id")
#        ^^^^^^^^ pandas
stacked = concat([a, b], ignore_index=True)
#         ^^^^^^ pandas
missing = pd.isna(frame)
#         ^^^^^^^ pandas

for _, row in frame.iterrows():
#             ^^^^^^^^^^^^^^ pandas
    print(row["amount"])
totals = [r.amount for r in self.orders.itertuples(index=False)]
#                           ^^^^^^^^^^^^^^^^^^^^^^ pandas
