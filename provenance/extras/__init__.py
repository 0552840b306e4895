"""Optional integrations of batch labelling with data-frame libraries: pandas, Dask and Spark.

Each module here imports its library only when one of its functions runs, and
nothing imports this package on ``import provenance`` or
``import provenance.batch``. Install the libraries with the extras:
``pip install 'source-provenance[dask]'`` (Dask and pandas).

- :mod:`provenance.extras.pandas`: :func:`~provenance.extras.pandas.label_frame`
  labels a pandas data frame.
- :mod:`provenance.extras.dask`: :func:`~provenance.extras.dask.label_dask`
  labels a Dask data frame or bag, partition by partition.
- :mod:`provenance.extras.spark`: :func:`~provenance.extras.spark.label_spark`
  labels a Spark data frame on its executors (``pip install 'source-provenance[spark]'``).
"""
