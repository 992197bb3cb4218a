"""pyiq: surfaces the interview question behind the Python construct under the cursor."""

__version__ = "0.1.0"
