import structlog

log = structlog.get_logger()
logger.info("x=%s", 1)
print("not logging")
