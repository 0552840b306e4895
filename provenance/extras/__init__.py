"""Optional integrations of batch labelling with data-frame libraries: pandas, polars, Arrow, Dask and Spark.

Each module here imports its library only when one of its functions runs, and
nothing imports this package on ``import provenance`` or
``import provenance.batch``. Install the libraries with the extras:
``pip install 'source-provenance[dask]'`` (Dask and pandas),
``'source-provenance[polars]'``, ``'source-provenance[arrow]'``,
``'source-provenance[spark]'``.

- :mod:`provenance.extras.frames`: :func:`~provenance.extras.frames.label_frame`
  labels a pandas or polars data frame or an Arrow table, adding typed columns
  (``provenance.extras.pandas.label_frame`` is the same function).
- :mod:`provenance.extras.dask`: :func:`~provenance.extras.dask.label_dask`
  labels a Dask data frame or bag, partition by partition.
- :mod:`provenance.extras.spark`: :func:`~provenance.extras.spark.label_spark`
  labels a Spark data frame on its executors (``pip install 'source-provenance[spark]'``).

Inside: ``_plan`` (which rows share a result: distinct values labelled once),
``_columns`` (the added columns, once per output row), ``_pandas``,
``_polars`` and ``_arrow`` (encoding the columns and gathering them back),
``_cells`` (null cells).
"""
